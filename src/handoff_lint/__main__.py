from handoff_lint.launch import main

raise SystemExit(main())
