import Foundation
import ModelFile
import PlanEngine
@testable import Shell

/// The funnel of SPEC §4: leads × conversion = opportunities, × win rate = wins, × deal value = revenue.
let funnel = [
    "leads = 120",
    "conversion = 15%",
    "opportunities = leads * conversion",
    "win_rate = 33%",
    "wins = opportunities * win_rate",
    "deal_value = $2400",
    "revenue = wins * deal_value",
]

/// A session that has accepted `lines`; a line that fails is a broken test setup.
func makeSession(_ lines: [String] = funnel) -> Session {
    let session = Session()
    for line in lines {
        let reply = session.handle(line)
        if reply.failed { Issue.record("setup line failed: \(line)\n\(reply.text)") }
    }
    return session
}

/// The value of a cell as a person sees it.
func shown(_ name: String, in session: Session) -> String {
    session.handle(name).output.first ?? ""
}

/// A fresh folder for files a test writes, removed by the caller with `removeItem`.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shell-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

import Testing
