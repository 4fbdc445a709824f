from despin.cli import run

run()
