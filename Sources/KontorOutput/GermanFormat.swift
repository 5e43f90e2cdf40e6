import KontorCore

/// Figures as German documents print them.
public enum GermanFormat {
    /// A day as `14.03.2025`.
    public static func date(_ d: CalendarDate) -> String {
        "\(d.day < 10 ? "0" : "")\(d.day).\(d.month < 10 ? "0" : "")\(d.month).\(d.year)"
    }

    /// Minor units as euros with thousands points and a decimal comma: `1.234,56 €`,
    /// `-4,90 €`, `0,00 €`.
    public static func euros(_ minor: Int) -> String {
        let magnitude = minor.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let cents = magnitude % 100
        return (minor < 0 ? "-" : "") + whole + grouped + "," + (cents < 10 ? "0" : "") + String(cents) + " €"
    }
}
