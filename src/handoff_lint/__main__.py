from handoff_lint.cli.main import main

main()
