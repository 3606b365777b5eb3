"""The floor for the rolecmp benchmark: the least a Rich CLI can do to print what
``rolecmp compare assistant technician`` prints.

It starts the interpreter, imports Rich and prints one table of the shape the real comparison had
when this floor was written (a label column and two multi-line role columns, 11 rows separated by
blank lines, about 70 lines at 100 columns), then a blank line and a three-paragraph footer: about
80 lines and 8 KB in all. Today's comparison is longer (13 rows, then similarity and work-activity
sections: about 120 lines and 9 KB); the floor is kept as it was so that figures stay comparable,
which makes the budgets a little stricter than they were (benchmarks/README.md). It reads no
files and parses no YAML, so whatever rolecmp spends beyond this is its own overhead.
``benchmarks/run.py`` runs it as a subprocess of the same interpreter, exactly like the console
script, and divides every command's time and peak memory by this script's.

The text is fixed filler of realistic length; only its size and shape matter, not what it says.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

HEADERS = (("Role A", "role-a"), ("Role B", "role-b"))

# (label, left cell, right cell): lines in a cell are separate facts; Rich wraps long ones.
ROWS: list[tuple[str, str, str]] = [
    ("Education",
     "Certificate or associate degree\n12-24 months\nTypical entry: postsecondary nondegree award",
     "Certificate, associate degree or bachelor's degree\nprogram length unknown"),
    ("Scope of practice",
     "Broad: clinical, administrative",
     "Specialized: clinical, administrative, technical"),
    ("Workplaces",
     "• Physicians' offices\n• Outpatient clinics\n• Hospitals (outpatient departments)",
     "• Hospitals\n• Medical and diagnostic laboratories\n"
     "• Specialized clinics and outpatient centers (imaging, surgery, sleep)\n• Pharmacies"),
    ("Certification",
     "Preferred\nCredential one (body)\nCredential two (body)\nCredential three, body",
     "Often required\nCRED-1, BODY\nCRED-2, BODY\nCRED-3, BODY\nCRED-4, BODY\nCRED-5, BODY\n"
     "CRED-6 / CRED-7, BODY\nCRED-8, BODY\nCRED-9, BODY"),
    ("Licensure",
     "No license in most states; one state requires a Department of Health credential, and "
     "some states tie tasks such as injections to approved training.",
     "Set by each state for each specialty: most states license or certify two of them, most "
     "boards register or license a third, about a dozen states license lab staff, and some "
     "specialties have no state license at all."),
    ("Patient contact",
     "High\nSees nearly every patient at check-in, in the exam room and at follow-up.",
     "Moderate\nRanges from little (lab work, much back-office work) to constant (imaging, "
     "surgery, sleep studies), depending on the specialty."),
    ("Pay (annual)",
     "$45,000 median (National)\n10th-90th pct: $36,000 to $59,000\n800,000 employed\n"
     "──━━━━━━●━━━────────",
     "$45,000 to $101,000 median (National)\nderived: range of 13 specialties' medians"),
    ("Outlook",
     "+12.5% jobs, 2024-34\n112,000 openings a year (national)",
     "+1.7% to +13.0% jobs, 2024-34\nderived: range of 13 specialties' projections"),
    ("Duties",
     "• Record patient histories and take vital signs\n"
     "• Get patients ready for exams and help the clinician during them\n"
     "• Give injections and draw blood where state rules allow\n"
     "• Book appointments and answer the front-desk phone\n"
     "• Keep patient records current in the electronic health record\n"
     "• Handle insurance forms and billing paperwork",
     "• Prepare and position patients for tests and procedures\n"
     "• Run diagnostic studies such as images or heart and brain recordings\n"
     "• Log results and keep patient or stock records accurate\n"
     "• Check orders and labels before a test, dose or procedure\n"
     "• Operate, calibrate and clean specialized equipment\n"
     "• Follow strict safety, sterility and quality-control rules"),
    ("Qualities",
     "• Clear, friendly communication\n• Attention to detail\n"
     "• Juggling clinical and clerical tasks",
     "• Precision and attention to detail\n• Comfort with technical equipment\n"
     "• Calm focus under time pressure\n• Respect for safety and sterile routines"),
    ("Next steps",
     "• next-role-one\n• next-role-two",
     "none listed"),
]

FOOTER = (
    ("Not the same role: Role A and Role B are different roles; they differ on 11 of 11 "
     "dimensions (education, scope of practice, workplaces, certification, licensure, patient "
     "contact, pay (annual), outlook, duties, qualities, next steps).", "bold"),
    ("≠ marks the dimensions on which the roles differ; bars: 10th-90th percentile pay "
     "(● median) on one scale, $36,000 to $59,000.", "dim"),
    ("Sources: Release one (release 2024-34, published 2025-08-28); Release two (release "
     "2025A01, published 2026-05-15). Annual wages are hourly wages x 2,080.", "dim"),
)


def build() -> Table:
    """The comparison-shaped table."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True, pad_edge=False)
    table.add_column("", style="bold", max_width=19)
    for name, ident in HEADERS:
        table.add_column(Text(f"{name}\n{ident}"), ratio=1, min_width=14, overflow="fold")
    for label, left, right in ROWS:
        table.add_row(Text(f"≠ {label}"), Text(left), Text(right))
    return table


def main() -> None:
    footer = [Text(text, style=style) for text, style in FOOTER]
    Console(highlight=False, soft_wrap=False).print(Group(build(), Text(""), *footer))


if __name__ == "__main__":
    main()
