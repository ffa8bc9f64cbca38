print("qadam")
