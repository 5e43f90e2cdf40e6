import Foundation

/// How a payment finds its order.
public enum PaymentMatch {
    /// The words that may name a payment's order or invoice, in the order they are tried:
    /// its reference, then each word of its purpose text that contains a digit
    /// (`Rechnung RE2025-00003, Best. #1003` gives `RE2025-00003`, `1003`). Words are runs
    /// of letters, digits, `-`, `_` and `/`, trimmed of those three at their ends.
    public static func candidates(reference: String, remittance: String?) -> [String] {
        var candidates = [reference]
        if let text = remittance {
            candidates += text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/") }
                .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-_/")) }
                .filter { $0.contains(where: \.isNumber) }
        }
        return candidates.filter { !$0.isEmpty }
    }
}
