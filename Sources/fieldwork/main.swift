import FieldworkCLI

FieldworkMain.run()
