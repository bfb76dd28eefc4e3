"""The quick check of next-larger-response.schema.json: written by `python -m handoff_lint.data.validators` (fastjsonschema.compile_to_code); do not edit."""
# flake8: noqa
VERSION = "2.22.3"
import re
from handoff_lint.data.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '\\S': re.compile('\\S')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title', 'metadata', 'sections']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string")
            if isinstance(data__title, str):
                if not REGEX_PATTERNS['\\S'].search(data__title):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must match pattern \\S")
        if "metadata" in data_keys:
            data_keys.remove("metadata")
            data__metadata = data["metadata"]
            if not isinstance(data__metadata, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata must be object")
            data__metadata_is_dict = isinstance(data__metadata, dict)
            if data__metadata_is_dict:
                data__metadata__missing_keys = set([]) - data__metadata.keys()
                if data__metadata__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata must contain ")
                data__metadata_keys = set(data__metadata.keys())
                if "Date" in data__metadata_keys:
                    data__metadata_keys.remove("Date")
                    data__metadata__Date = data__metadata["Date"]
                    if not isinstance(data__metadata__Date, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.Date must be string")
                    if isinstance(data__metadata__Date, str):
                        if not custom_formats["date"](data__metadata__Date):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.Date must be date")
                if "From" in data__metadata_keys:
                    data__metadata_keys.remove("From")
                    data__metadata__From = data__metadata["From"]
                    if not isinstance(data__metadata__From, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.From must be string")
                    if isinstance(data__metadata__From, str):
                        if not REGEX_PATTERNS['\\S'].search(data__metadata__From):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.From must match pattern \\S")
                if "To" in data__metadata_keys:
                    data__metadata_keys.remove("To")
                    data__metadata__To = data__metadata["To"]
                    if not isinstance(data__metadata__To, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.To must be string")
                    if isinstance(data__metadata__To, str):
                        if not REGEX_PATTERNS['\\S'].search(data__metadata__To):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.To must match pattern \\S")
                if "Model" in data__metadata_keys:
                    data__metadata_keys.remove("Model")
                    data__metadata__Model = data__metadata["Model"]
                    if not isinstance(data__metadata__Model, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.Model must be string")
                    if isinstance(data__metadata__Model, str):
                        if not REGEX_PATTERNS['\\S'].search(data__metadata__Model):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.Model must match pattern \\S")
                if "Status" in data__metadata_keys:
                    data__metadata_keys.remove("Status")
                    data__metadata__Status = data__metadata["Status"]
                    if not isinstance(data__metadata__Status, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.Status must be string")
                    if isinstance(data__metadata__Status, str):
                        if not REGEX_PATTERNS['\\S'].search(data__metadata__Status):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".metadata.Status must match pattern \\S")
        if "sections" in data_keys:
            data_keys.remove("sections")
            data__sections = data["sections"]
            if not isinstance(data__sections, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must be object")
            data__sections_is_dict = isinstance(data__sections, dict)
            if data__sections_is_dict:
                data__sections__missing_keys = set(['Reference to Original Handoff', 'Summary of Work Performed', 'Deliverables Location', 'Recommendations for Follow-up']) - data__sections.keys()
                if data__sections__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must contain ")
                data__sections_keys = set(data__sections.keys())
                if "Reference to Original Handoff" in data__sections_keys:
                    data__sections_keys.remove("Reference to Original Handoff")
                    data__sections__ReferencetoOriginalHandoff = data__sections["Reference to Original Handoff"]
                    if not isinstance(data__sections__ReferencetoOriginalHandoff, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Reference to Original Handoff must be string")
                    if isinstance(data__sections__ReferencetoOriginalHandoff, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__ReferencetoOriginalHandoff):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Reference to Original Handoff must match pattern \\S")
                if "Summary of Work Performed" in data__sections_keys:
                    data__sections_keys.remove("Summary of Work Performed")
                    data__sections__SummaryofWorkPerformed = data__sections["Summary of Work Performed"]
                    if not isinstance(data__sections__SummaryofWorkPerformed, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Summary of Work Performed must be string")
                    if isinstance(data__sections__SummaryofWorkPerformed, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__SummaryofWorkPerformed):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Summary of Work Performed must match pattern \\S")
                if "Deliverables Location" in data__sections_keys:
                    data__sections_keys.remove("Deliverables Location")
                    data__sections__DeliverablesLocation = data__sections["Deliverables Location"]
                    if not isinstance(data__sections__DeliverablesLocation, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Deliverables Location must be string")
                    if isinstance(data__sections__DeliverablesLocation, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__DeliverablesLocation):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Deliverables Location must match pattern \\S")
                if "Additional Findings" in data__sections_keys:
                    data__sections_keys.remove("Additional Findings")
                    data__sections__AdditionalFindings = data__sections["Additional Findings"]
                    if not isinstance(data__sections__AdditionalFindings, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Additional Findings must be string")
                    if isinstance(data__sections__AdditionalFindings, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__AdditionalFindings):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Additional Findings must match pattern \\S")
                if "Recommendations for Follow-up" in data__sections_keys:
                    data__sections_keys.remove("Recommendations for Follow-up")
                    data__sections__RecommendationsforFollowup = data__sections["Recommendations for Follow-up"]
                    if not isinstance(data__sections__RecommendationsforFollowup, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Recommendations for Follow-up must be string")
                    if isinstance(data__sections__RecommendationsforFollowup, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__RecommendationsforFollowup):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Recommendations for Follow-up must match pattern \\S")
                if "Contact Point" in data__sections_keys:
                    data__sections_keys.remove("Contact Point")
                    data__sections__ContactPoint = data__sections["Contact Point"]
                    if not isinstance(data__sections__ContactPoint, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Contact Point must be string")
                    if isinstance(data__sections__ContactPoint, str):
                        if not REGEX_PATTERNS['\\S'].search(data__sections__ContactPoint):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections.Contact Point must match pattern \\S")
    return data