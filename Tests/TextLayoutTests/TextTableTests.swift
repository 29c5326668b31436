import Testing
import TextLayout

@Suite struct TextTableTests {
    /// A `:list`-like table: a name, a number, and a formula that may shrink.
    func cellTable(showsHeader: Bool = true) -> TextTable {
        var table = TextTable(
            columns: [
                TextColumn("name"),
                TextColumn("value", alignment: .right),
                TextColumn("formula", isShrinkable: true, minimumWidth: 4),
            ],
            showsHeader: showsHeader
        )
        table.addSection("lead indicators")
        table.addRow(["leads", "120", "120"])
        table.addRow(["conversion", "15%", "15%"])
        table.addSection("lag indicators")
        table.addRow(["opportunities", "18", "leads * conversion"])
        table.addRow(["new_mrr", "$4,752", "wins * deal_value"])
        return table
    }

    @Test func alignsColumnsAndSections() {
        #expect(cellTable().render() == [
            "name            value  formula",
            "lead indicators",
            "leads             120  120",
            "conversion        15%  15%",
            "",
            "lag indicators",
            "opportunities      18  leads * conversion",
            "new_mrr        $4,752  wins * deal_value",
        ])
    }

    @Test func leavesOutTheHeaderWhenAskedTo() {
        let lines = cellTable(showsHeader: false).render()
        #expect(lines.first == "lead indicators")
        #expect(lines[1] == "leads             120  120")
    }

    @Test func untitledSectionIsABlankLine() {
        var table = TextTable(columns: [TextColumn(), TextColumn()], showsHeader: false)
        table.addSection()
        table.addRow(["a", "1"])
        table.addSection()
        table.addRow(["b", "2"])
        #expect(table.render() == ["a  1", "", "b  2"])
    }

    @Test(arguments: [
        (41, "opportunities      18  leads * conversion", "new_mrr        $4,752  wins * deal_value"),
        (40, "opportunities      18  leads * conversi…", "new_mrr        $4,752  wins * deal_value"),
        (30, "opportunities      18  leads …", "new_mrr        $4,752  wins *…"),
        (27, "opportunities      18  lea…", "new_mrr        $4,752  win…"),
        // The formula stops at its minimum width; the name and the number are never cut.
        (10, "opportunities      18  lea…", "new_mrr        $4,752  win…"),
    ])
    func shrinksTheShrinkableColumnToFit(_ width: Int, _ opportunities: String, _ newMRR: String) {
        let lines = cellTable().render(width: width)
        #expect(lines[6] == opportunities)
        #expect(lines[7] == newMRR)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= max(width, 27) })
    }

    @Test func neverCutsColumnsThatAreNotShrinkable() {
        var table = TextTable(columns: [TextColumn("name"), TextColumn("value", alignment: .right)])
        table.addRow(["revenue", "$1,234,567,890"])
        #expect(table.render(width: 10) == ["name              value", "revenue  $1,234,567,890"])
    }

    @Test func shrinksTheWidestShrinkableColumnFirst() {
        var table = TextTable(
            columns: [TextColumn("note", isShrinkable: true), TextColumn("formula", isShrinkable: true)],
            showsHeader: false
        )
        table.addRow(["short note", String(repeating: "x", count: 1_000_000)])
        let lines = table.render(width: 30)
        #expect(lines == ["short note  xxxxxxxxxxxxxxxxx…"])
    }

    @Test func sharesShrinkingAmongEquallyWideColumns() {
        var table = TextTable(
            columns: [TextColumn(isShrinkable: true), TextColumn(isShrinkable: true)], showsHeader: false
        )
        table.addRow(["aaaaaaaaaa", "bbbbbbbbbb"])
        #expect(table.render(width: 14) == ["aaaaa…  bbbbb…"])
    }

    @Test func measuresColoredCellsByWhatIsShown() {
        let colors = Colorizer(isEnabled: true)
        var table = TextTable(columns: [TextColumn("name"), TextColumn("value", alignment: .right)])
        table.addRow([colors.apply(.leadIndicator, to: "leads"), "120"])
        table.addRow(["conversion", colors.apply(.bold, to: "15%")])
        let lines = table.render()
        #expect(lines[1] == "\u{1B}[34mleads\u{1B}[0m         120")
        #expect(lines[2] == "conversion    \u{1B}[1m15%\u{1B}[0m")
        #expect(lines.map(DisplayWidth.of) == [17, 17, 17])
    }

    @Test func truncatesColoredCellsWithoutLeakingTheColor() {
        let colors = Colorizer(isEnabled: true)
        var table = TextTable(columns: [TextColumn(isShrinkable: true)], showsHeader: false)
        table.addRow([colors.apply(.dim, to: "leads * conversion")])
        #expect(table.render(width: 6) == ["\u{1B}[2mleads…\u{1B}[0m"])
    }

    @Test func usesAColumnsOwnSeparator() {
        var table = TextTable(
            columns: [
                TextColumn(),
                TextColumn(alignment: .right),
                TextColumn(separatorBefore: " → "),
                TextColumn(alignment: .right, separatorBefore: "  "),
            ],
            showsHeader: false,
            separator: " "
        )
        table.addRow(["leads", "120", "150", "+25%"])
        table.addRow(["revenue", "$14,256", "$17,820", "+25%"])
        #expect(table.render() == [
            "leads       120 → 150      +25%",
            "revenue $14,256 → $17,820  +25%",
        ])
    }

    @Test func fillsMissingCellsAndDropsExtraOnes() {
        var table = TextTable(columns: [TextColumn(), TextColumn(alignment: .right)], showsHeader: false)
        table.addRow(["lonely"])
        table.addRow(["a", "1", "ignored"])
        #expect(table.render() == ["lonely", "a       1"])
    }

    @Test func cutsLongSectionTitlesToTheWidth() {
        var table = TextTable(columns: [TextColumn()], showsHeader: false)
        table.addSection("lead indicators")
        table.addRow(["x"])
        #expect(table.render(width: 8) == ["lead in…", "x"])
        #expect(table.render() == ["lead indicators", "x"])
    }

    @Test func tableWithoutRowsIsItsHeader() {
        let table = TextTable(columns: [TextColumn("name"), TextColumn("value", alignment: .right)])
        #expect(table.render() == ["name  value"])
        #expect(TextTable(columns: [], showsHeader: false).render().isEmpty)
    }
}
