import QadamGeo
