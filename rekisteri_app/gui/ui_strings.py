"""Every text of the Qt Designer forms in ui/, marked for the gettext catalogues.

Babel extracts only Python, so the forms' English texts are repeated here with N_();
uiload.translate_tree translates them at run time. tests/test_gui_ui_files.py fails when
a form gains a text that is missing here, and prints the line to add.
"""

from __future__ import annotations

from ..i18n import N_

UI_STRINGS = (
    # ui/audit_page.ui
    N_("Audit trail"),
    N_("Filter (Ctrl+F)"),
    N_(
        "Every change to the database is recorded here. Each event is sealed with a hash "
        "of the one before it, so a changed or deleted event breaks the chain."
    ),
    N_("Verify chain"),
    N_("Choose an event to see what changed."),
    # ui/controller_editor.ui
    N_("Controller"),
    N_("Name:"),
    N_("Business ID:"),
    N_("Visiting address:"),
    N_("Postal address:"),
    N_("Street address or PO box"),
    N_("Postcode and town:"),
    N_("Town"),
    N_("Phone:"),
    N_("E-mail:"),
    N_("Web address:"),
    N_("Data protection officer:"),
    N_("Contact details of the data protection officer, if one is appointed"),
    N_("Contact persons"),
    # ui/findings_panel.ui
    N_("All findings"),
    N_("Must fix only"),
    N_("Check only"),
    N_("Filter findings"),
    N_("Double-click a finding to open what it is about."),
    # ui/list_page.ui
    N_("Filter (Ctrl+F)"),
    N_("Shows only the rows with this text in any column."),
    N_("New"),
    N_("Open"),
    N_("Enter or double-click"),
    N_("Duplicate"),
    N_("Delete"),
    # ui/placeholder_page.ui
    N_("Coming in a later version of Rekisteri."),
    # ui/processor_editor.ui
    N_("Processor"),
    N_("Name:"),
    N_("Business ID:"),
    N_("1234567-8 (Finnish companies)"),
    N_("Country:"),
    N_("Address:"),
    N_("Contact person:"),
    N_("E-mail:"),
    N_("Phone:"),
    N_("Processing agreement signed:"),
    N_("YYYY-MM-DD"),
    N_("Next review of the agreement:"),
    N_("Sub-processor of:"),
    N_("Services it provides"),
    N_("Notes:"),
    # ui/register_editor.ui
    N_("Register"),
    N_("Name of the register:"),
    N_("e.g. Customer register"),
    N_("General"),
    N_("Description (who the data subjects are, what the register is for):"),
    N_("Controllers"),
    N_("Contact persons of this register"),
    N_("Purposes and bases"),
    N_("Lists keep their order: it is the order printed in the privacy notice."),
    N_("Purposes of the processing"),
    N_("Legal bases"),
    N_("Subjects and data"),
    N_("Data subject groups"),
    N_("Personal data categories"),
    N_("Retention"),
    N_("Retention periods"),
    N_("General statement on retention, as published:"),
    N_("Sources and recipients"),
    N_("Regular sources of data"),
    N_("Recipients and regular disclosures"),
    N_("Processors and transfers"),
    N_("Processors"),
    N_("Transfers outside the EU/EEA"),
    N_("General statement on transfers, as published:"),
    N_("Security"),
    N_("Security measures"),
    N_("Automated decisions and profiling"),
    N_("Rights"),
    N_("Rights of the data subject, as published"),
    N_("How to exercise the rights:"),
    N_("Proof of identity:"),
    N_("Response time:"),
    N_("Where to send requests:"),
    N_("Must the data be given? (Art. 13(2)(e)):"),
    N_("Changes to this notice:"),
    N_("Notice versions"),
    N_(
        "Published versions of the privacy notice. They are kept as issued and cannot be "
        "edited here."
    ),
    # ui/start_dialog.ui
    N_(
        "The privacy officer's records of processing, rights requests and letters. "
        "Everything is kept in one encrypted database file."
    ),
    N_("Open a database"),
    N_("Recent databases:"),
    N_("Double-click a database, or choose it and type its passphrase."),
    N_("File:"),
    N_("Path of the database file"),
    N_("Choose another file…"),
    N_("Passphrase:"),
    N_("Open"),
    N_("Create a new database"),
    N_("Choose…"),
    N_("Passphrase again:"),
    N_("Strength:"),
    N_("Create"),
    N_("Try the demo"),
    N_(
        "The demo database holds an invented utility with registers, processors and "
        "transfers, some of them deliberately incomplete, so that you can see what the "
        "checker finds. It is kept apart from your own databases."
    ),
    N_("Open the demo"),
    # ui/transfer_editor.ui
    N_("Transfer"),
    N_("Register:"),
    N_("Country:"),
    N_("Type a country name or its two-letter ISO code."),
    N_("Recipient:"),
    N_("Processor:"),
    N_("Safeguard:"),
    N_("SCC module:"),
    N_("DPF certification checked on:"),
    N_("YYYY-MM-DD"),
    N_("Art. 49 derogation:"),
    N_("e.g. 49(1)(b)"),
    N_("Description:"),
)
