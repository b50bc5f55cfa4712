from rekisteri_app.gui.app import main

raise SystemExit(main())
