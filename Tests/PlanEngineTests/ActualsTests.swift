import Formula
import PlanEngine
import Testing

/// Actuals in the engine: in their period they replace the plan for everything downstream, later
/// periods follow through `prev`, and the plan without them stays computable for variance.
@Suite struct ActualsTests {
    private func plan() throws -> Model {
        let timeline = try Timeline(from: try Period.parse("2027-01").get(), to: try Period.parse("2027-04").get())
        return try Model(timeline: timeline, definitions: [
            try Definition(name: "leads", formula: "100"),
            try Definition(name: "conversion", formula: "10%"),
            try Definition(name: "opportunities", formula: "leads * conversion"),
            try Definition(name: "mrr", formula: "prev(mrr) + opportunities"),
        ])
    }

    private func period(_ text: String) throws -> Period { try Period.parse(text).get() }

    private func numbers(_ name: String, _ model: Model) -> [Double] { model.values(of: name).compactMap(\.numeric) }

    @Test func anActualOfALeadIndicatorMovesItsPeriodAndTheLevelAfterIt() throws {
        var model = try plan()
        try model.setActuals([ActualChange(name: "leads", period: try period("2027-02"), value: 50)])
        // opportunities = 50 × 10% = 5 in February only; mrr carries the shortfall forward.
        #expect(numbers("opportunities", model) == [10, 5, 10, 10])
        #expect(numbers("mrr", model) == [10, 15, 25, 35])
        #expect(numbers("mrr", model.plan) == [10, 20, 30, 40])
        #expect(model.currentPeriod == 1)
    }

    @Test func anActualOfALagIndicatorReplacesItsFormulaThereAndLaterPeriodsBuildOnIt() throws {
        var model = try plan()
        try model.setActuals([
            ActualChange(name: "leads", period: try period("2027-02"), value: 50),
            ActualChange(name: "mrr", period: try period("2027-03"), value: 100),
        ])
        #expect(numbers("mrr", model) == [10, 15, 100, 110])
        #expect(model.actuals.map(\.name) == ["leads", "mrr"])
        #expect(model.currentPeriod == 2)
        try model.setActuals([ActualChange(name: "mrr", period: try period("2027-03"), value: nil)])
        #expect(numbers("mrr", model) == [10, 15, 25, 35])
    }

    @Test func anActualRecomputesOnlyThePeriodsItReaches() throws {
        var model = try plan()
        let before = model.periodEvaluationCount
        try model.setActuals([ActualChange(name: "leads", period: try period("2027-04"), value: 0)])
        // leads and opportunities in April, mrr in April: three period runs, not the twelve of a full recompute.
        #expect(model.periodEvaluationCount - before == 3)
        #expect(numbers("mrr", model) == [10, 20, 30, 30])
    }

    @Test func badActualsAreRefusedAndChangeNothing() throws {
        var model = try plan()
        let cases: [(ActualChange, ModelError)] = [
            (ActualChange(name: "nope", period: try period("2027-01"), value: 1), .undefinedCell("nope")),
            (ActualChange(name: "leads", period: try period("2028-01"), value: 1),
             .periods("2028-01 is outside the plan (2027-01 .. 2027-04)")),
        ]
        for (change, expected) in cases {
            #expect(throws: expected) {
                try model.setActuals([ActualChange(name: "leads", period: try period("2027-01"), value: 7), change])
            }
        }
        #expect(model.actuals.isEmpty)
        var single = try Model(definitions: [try Definition(name: "leads", formula: "100")])
        #expect(throws: ModelError.periods("actual leads[2027-01] needs a periods line (periods = 2027-01 .. 2027-12)")) {
            try single.setActuals([ActualChange(name: "leads", period: try period("2027-01"), value: 1)])
        }
    }
}
