from rolecmp.cli import main

main()
