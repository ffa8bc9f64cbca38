// Request/response types shared by qadamd and qadam.
