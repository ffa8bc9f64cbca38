import QadamGeo
import Testing
