from rolecmp.fastpath import main

main()
