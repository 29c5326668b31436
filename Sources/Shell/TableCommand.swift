import Formula
import ModelFile
import PlanEngine
import WhatIf

extension Command {
    static let sensitivityTable: Command = Command(
        name: "table",
        usage: ":table TARGET by INPUT FROM..TO step S [, INPUT2 FROM..TO step S] [> PATH.csv]",
        summary: "sensitivity table of TARGET over one or two inputs",
        details: """
            One-way: :table revenue by leads 80..160 step 20 gives revenue for each lead count.
            Two-way: add a second input after a comma; the first runs down the rows, the second across:
              :table revenue by win_rate 25%..40% step 5%, conversion 10%..20% step 2.5%
            FROM, TO and S are expressions (20%, $2.4k, 1_000); a negative step counts down.
            The inputs' current values are shown in [brackets].
            > PATH.csv writes the table as CSV at full precision instead of printing it
            (two-way: the first line holds the column values, each line starts with its row value).
            TARGET is a cell or any expression with one value; on a plan with periods, a series has none:
              :table total(revenue) by win_rate 25%..40% step 5%   (or average(revenue), revenue[2027-12])
            An input that varies over time is set to each value as one constant in every period it does not
            override; it has no current value to mark.
            """
    ) { input, session, reply in
        let request: TableRequest
        do throws(UsageError) {
            request = try TableRequest(ArgumentText(input))
        } catch {
            return Command.sensitivityTable.reject(error, &reply)
        }
        let model = session.model
        let target: WhatIfTarget
        let axes: [SensitivityTable.Axis]
        do throws(Diagnostic) {
            target = try request.targetText.whatIfTarget(in: model, verb: "table")
            axes = try request.axes(in: model)
        } catch {
            return reply.fail(error, in: input.line)
        }
        let table: SensitivityTable
        switch SensitivityTable.compute(
            in: model, target: target, rows: axes[0], columns: axes.dropFirst().first,
            shouldStop: session.shouldStop) {
        case .failure(.interrupted):
            // The terminal echoed ^C where the cursor stood: the message goes on a line of its own.
            reply.say("")
            return reply.fail(WhatIfError.interrupted.description)
        case .failure(let error): return reply.fail(error.description)
        case .success(let computed): table = computed
        }
        for axis in axes where !target.depends(on: axis.name, in: model) {
            reply.warn("\(target.text) does not depend on \(axis.name): it is the same for every value of it")
        }
        guard let path = request.path else {
            reply.say(SensitivityTableView(table: table, model: model, colorizer: session.colorizer)
                .render(width: session.width))
            return
        }
        do throws(WorkbookError) {
            try OutputFile.write(table.csv, to: path)
            let size = axes.map { String($0.values.count) }.joined(separator: " × ")
            reply.say("wrote \(VisibleText.escaping(path)): \(target.text) for \(size) values of \(axes.map(\.name).joined(separator: " and "))")
        } catch {
            reply.fail(error.description)
        }
    }
}

/// `:table TARGET by AXIS [, AXIS] [> PATH]` cut into its pieces; a usage error saying what is
/// wrong when it is not that shape.
struct TableRequest {
    /// `win_rate 25%..40% step 5%`.
    struct AxisRequest {
        let name: String
        let nameText: ArgumentText
        let from: ArgumentText
        let to: ArgumentText
        let step: ArgumentText

        init(_ text: ArgumentText) throws(UsageError) {
            guard !text.isEmpty else { throw UsageError("missing the second input after ','") }
            let stepped = text.split(atWord: "step", last: true)
            let (input, ends) = (stepped?.before ?? text).splitFirstWord()
            guard let name = input.name else { throw UsageError("table wants an input name before each range") }
            guard !ends.isEmpty else { throw UsageError("missing the range of \(name), as in \(name) 100..140 step 20") }
            let (from, to) = try ends.rangeEnds(for: name)
            guard let step = stepped?.after else { throw UsageError("missing 'step' after \(ends.text)") }
            guard !step.isEmpty else { throw UsageError("missing the value after 'step'") }
            self.name = name
            nameText = input
            self.from = from
            self.to = to
            self.step = step
        }
    }

    let targetText: ArgumentText
    let axisRequests: [AxisRequest]
    let path: String?

    init(_ arguments: ArgumentText) throws(UsageError) {
        let output = arguments.split(atSymbol: ">")
        let request = output?.before ?? arguments
        path = output?.after.text
        guard !request.isEmpty else { throw UsageError("table wants a target and an input") }
        guard path?.isEmpty != true else { throw UsageError("'>' wants a file name") }
        if let path, !path.lowercased().hasSuffix(".csv") {
            // CSV in a file called .json or .xlsx would mislead whatever opens it.
            throw UsageError("a table is written as CSV: name the file PATH.csv, not \(path)")
        }
        guard let (target, inputs) = request.split(atWord: "by") else {
            throw UsageError("table wants 'by INPUT FROM..TO step S' after the target")
        }
        guard !target.isEmpty else { throw UsageError("table wants a target before 'by'") }
        let pieces = inputs.split(at: UInt8(ascii: ","))
        guard pieces.count <= 2 else { throw UsageError("a table has one or two inputs, not \(pieces.count)") }
        var axes: [AxisRequest] = []
        for piece in pieces { axes.append(try AxisRequest(piece)) }
        targetText = target
        axisRequests = axes
    }

    /// The axes with their values, each end and step evaluated on `model`; an unknown cell or a
    /// range that does not make values is said with a caret under it.
    func axes(in model: Model) throws(Diagnostic) -> [SensitivityTable.Axis] {
        try axisRequests.map { axis throws(Diagnostic) in
            guard model[axis.name] != nil else {
                throw Diagnostic(model.noSuchCell(axis.name), at: axis.nameText.sourceRange)
            }
            let from = try axis.from.number(in: model, what: "the start")
            let to = try axis.to.number(in: model, what: "the end")
            let step = try axis.step.number(in: model, what: "the step")
            do throws(WhatIfError) {
                return SensitivityTable.Axis(
                    name: axis.name, values: try SensitivityTable.Axis.range(from: from, to: to, step: step))
            } catch {
                let whole = SourceRange(start: axis.nameText.range.lowerBound, end: axis.step.range.upperBound)
                throw Diagnostic(error.description, at: whole)
            }
        }
    }
}
