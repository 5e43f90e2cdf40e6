/// Whether an order goes on to the next step.
enum OrderStepOutcome {
    /// The next step takes the order.
    case next
    /// The order is booked; no later step runs.
    case done
}
