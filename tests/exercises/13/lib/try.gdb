python
class Try(gdb.Command):
    """try COMMAND: run COMMAND, printing its error instead of stopping the script."""
    def __init__(self):
        super(Try, self).__init__("try", gdb.COMMAND_USER)
    def invoke(self, arg, from_tty):
        try:
            gdb.execute(arg)
        except gdb.error as e:
            gdb.write("error: %s\n" % e)
Try()
end
