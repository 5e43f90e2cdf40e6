// KontorInventory
