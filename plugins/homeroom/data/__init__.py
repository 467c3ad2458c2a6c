"""What a site and its editors give Homeroom: settings, pages, and rule data in YAML.

Reading each with errors that name the file and line: mkdocs.yml and plugin options,
Markdown sources, glossaries, page types, interface strings, notices, ``allow:`` entries,
and the documentation of every rule.
"""
