print("kontor")
