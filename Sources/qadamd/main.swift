print("qadamd")
