print("lucid")
