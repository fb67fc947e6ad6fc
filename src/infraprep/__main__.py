from infraprep.cli import main

main()
