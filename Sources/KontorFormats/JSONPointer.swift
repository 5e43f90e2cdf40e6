/// JSON pointers (RFC 6901): `/orders/3/sku` names member `sku` of element 3 of `orders`.
enum JSONPointer {
    /// One step of a pointer.
    enum Component {
        case key(String)
        case index(Int)
    }

    /// The pointer for a path; `""` is the whole document.
    static func string(_ path: [Component]) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += "/" + escape(key)
            case .index(let index): text += "/\(index)"
            }
        }
        return text
    }

    /// A key as a pointer writes it: `~` becomes `~0`, `/` becomes `~1`.
    static func escape(_ key: String) -> String {
        guard key.contains(where: { $0 == "~" || $0 == "/" }) else { return key }
        return key.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
