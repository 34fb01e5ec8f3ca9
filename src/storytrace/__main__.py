from storytrace.cli import app

if __name__ == "__main__":  # not when a test collector imports the module
    app(prog_name="storytrace")
