import KontorCore
import KontorInventory

extension BatchContext {
    /// The shop's warehouses in the order orders are served from them: as the settings list
    /// them, else the one default warehouse.
    var warehouses: [String] { settings.warehouses ?? [defaultWarehouse] }

    /// Whether `name` is a warehouse of the shop; false, with an error in `log`, for a name
    /// the settings do not list. Without a list in the settings every name is taken.
    func knownWarehouse(_ name: String, at location: SourceLocation, log: inout DiagnosticLog) -> Bool {
        guard let listed = settings.warehouses, !listed.contains(name) else { return true }
        log.append(Diagnostic("warehouse.unknown",
                              "warehouse \"\(name)\" is not one of the shop's warehouses (\(listed.joined(separator: ", ")))",
                              de: "Lager \"\(name)\" ist keines der Lager des Shops (\(listed.joined(separator: ", ")))",
                              hint: "Check the warehouse's name, or add it to warehouses in kontor.toml.", at: location))
        return false
    }
}
