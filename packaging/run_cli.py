from rekisteri_app.cli.main import main

raise SystemExit(main())
