extension Model {
    /// The index of the period the plan stands in now, for which `:goals` reports monthly goals.
    ///
    /// The first period for now; once actual results are recorded it is the last period that
    /// has one (SPEC §7). Every command that speaks of "now" asks here, so that change is made once.
    public var currentPeriod: Int { 0 }
}
