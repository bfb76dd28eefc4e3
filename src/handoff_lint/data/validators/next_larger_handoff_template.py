"""The quick check of next-larger-handoff.schema.json (the template): written by `python -m handoff_lint.data.validators` (fastjsonschema.compile_to_code); do not edit."""
# flake8: noqa
VERSION = "2.22.3"
import re
from handoff_lint.data.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^(?:[^\\s:]+ +){0,3}[Hh][Aa][Nn][Dd][Oo][Ff][Ff](?: +[^\\s:–—]+){0,3} *(?::|[-–—] ) *\\S': re.compile('^(?:[^\\s:]+ +){0,3}[Hh][Aa][Nn][Dd][Oo][Ff][Ff](?: +[^\\s:–—]+){0,3} *(?::|[-–—] ) *\\S'),
    '\\S': re.compile('\\S')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title', 'metadata', 'sections', 'status']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
            if isinstance(data__title, str):
                if not REGEX_PATTERNS['^(?:[^\\s:]+ +){0,3}[Hh][Aa][Nn][Dd][Oo][Ff][Ff](?: +[^\\s:–—]+){0,3} *(?::|[-–—] ) *\\S'].search(data__title):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must match pattern ^(?:[^\\s:]+ +){0,3}[Hh][Aa][Nn][Dd][Oo][Ff][Ff](?: +[^\\s:\u2013\u2014]+){0,3} *(?::|[-\u2013\u2014] ) *\\S")
        if "metadata" in data_keys:
            data_keys.remove("metadata")
            data__metadata = data["metadata"]
            if not isinstance(data__metadata, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata must be object")
            data__metadata_is_dict = isinstance(data__metadata, dict)
            if data__metadata_is_dict:
                data__metadata__missing_keys = set(['Date', 'From', 'To', 'Priority']) - data__metadata.keys()
                if data__metadata__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata must contain ")
                data__metadata_keys = set(data__metadata.keys())
                if "Date" in data__metadata_keys:
                    data__metadata_keys.remove("Date")
                    data__metadata__Date = data__metadata["Date"]
                if "From" in data__metadata_keys:
                    data__metadata_keys.remove("From")
                    data__metadata__From = data__metadata["From"]
                if "To" in data__metadata_keys:
                    data__metadata_keys.remove("To")
                    data__metadata__To = data__metadata["To"]
                if "Priority" in data__metadata_keys:
                    data__metadata_keys.remove("Priority")
                    data__metadata__Priority = data__metadata["Priority"]
                if data__metadata_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata must not contain "+str(data__metadata_keys)+" properties")
        if "sections" in data_keys:
            data_keys.remove("sections")
            data__sections = data["sections"]
            if not isinstance(data__sections, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must be object")
            data__sections_is_dict = isinstance(data__sections, dict)
            if data__sections_is_dict:
                data__sections__missing_keys = set(['Context Summary', 'Task Description', 'Current State/Progress', 'Blockers/Challenges', 'Expected Deliverables', 'References/Links']) - data__sections.keys()
                if data__sections__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must contain ")
                data__sections_keys = set(data__sections.keys())
                if "Context Summary" in data__sections_keys:
                    data__sections_keys.remove("Context Summary")
                    data__sections__ContextSummary = data__sections["Context Summary"]
                    if not isinstance(data__sections__ContextSummary, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Context Summary must be string")
                    if isinstance(data__sections__ContextSummary, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__ContextSummary):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Context Summary must match pattern \\S")
                if "Task Description" in data__sections_keys:
                    data__sections_keys.remove("Task Description")
                    data__sections__TaskDescription = data__sections["Task Description"]
                    if not isinstance(data__sections__TaskDescription, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Task Description must be string")
                    if isinstance(data__sections__TaskDescription, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__TaskDescription):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Task Description must match pattern \\S")
                if "Current State/Progress" in data__sections_keys:
                    data__sections_keys.remove("Current State/Progress")
                    data__sections__CurrentStateProgress = data__sections["Current State/Progress"]
                    if not isinstance(data__sections__CurrentStateProgress, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Current State/Progress must be string")
                    if isinstance(data__sections__CurrentStateProgress, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__CurrentStateProgress):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Current State/Progress must match pattern \\S")
                if "Blockers/Challenges" in data__sections_keys:
                    data__sections_keys.remove("Blockers/Challenges")
                    data__sections__BlockersChallenges = data__sections["Blockers/Challenges"]
                    if not isinstance(data__sections__BlockersChallenges, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Blockers/Challenges must be string")
                    if isinstance(data__sections__BlockersChallenges, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__BlockersChallenges):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Blockers/Challenges must match pattern \\S")
                if "Expected Deliverables" in data__sections_keys:
                    data__sections_keys.remove("Expected Deliverables")
                    data__sections__ExpectedDeliverables = data__sections["Expected Deliverables"]
                    if not isinstance(data__sections__ExpectedDeliverables, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Expected Deliverables must be string")
                    if isinstance(data__sections__ExpectedDeliverables, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__ExpectedDeliverables):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Expected Deliverables must match pattern \\S")
                if "References/Links" in data__sections_keys:
                    data__sections_keys.remove("References/Links")
                    data__sections__ReferencesLinks = data__sections["References/Links"]
                    if not isinstance(data__sections__ReferencesLinks, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.References/Links must be string")
                    if isinstance(data__sections__ReferencesLinks, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__ReferencesLinks):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.References/Links must match pattern \\S")
                if "Additional Notes" in data__sections_keys:
                    data__sections_keys.remove("Additional Notes")
                    data__sections__AdditionalNotes = data__sections["Additional Notes"]
                    if not isinstance(data__sections__AdditionalNotes, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Additional Notes must be string")
                    if isinstance(data__sections__AdditionalNotes, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__AdditionalNotes):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Additional Notes must match pattern \\S")
                if "Handoff Checklist" in data__sections_keys:
                    data__sections_keys.remove("Handoff Checklist")
                    data__sections__HandoffChecklist = data__sections["Handoff Checklist"]
                    if not isinstance(data__sections__HandoffChecklist, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Handoff Checklist must be string")
                    if isinstance(data__sections__HandoffChecklist, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__HandoffChecklist):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Handoff Checklist must match pattern \\S")
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
    return data