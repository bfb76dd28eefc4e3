from handoff_lint.launch import main

main()
