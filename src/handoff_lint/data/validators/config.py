"""The quick check of config.schema.json: written by `python -m handoff_lint.data.validators` (fastjsonschema.compile_to_code); do not edit."""
# flake8: noqa
VERSION = "2.22.3"
from decimal import Decimal
import re
from handoff_lint.data.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^(ALL|[Hh][Ll][0-9]{0,3})$': re.compile('^(ALL|[Hh][Ll][0-9]{0,3})\\Z'),
    '^HL[0-9]{3}$': re.compile('^HL[0-9]{3}\\Z'),
    '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$': re.compile('^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\Z'),
    '\\S': re.compile('\\S'),
    '^[a-z0-9][a-z0-9-]*$': re.compile('^[a-z0-9][a-z0-9-]*\\Z')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "select" in data_keys:
            data_keys.remove("select")
            data__select = data["select"]
            if not isinstance(data__select, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".select must be array")
            data__select_is_list = isinstance(data__select, (list, tuple))
            if data__select_is_list:
                data__select_len = len(data__select)
                for data__select_x, data__select_item in enumerate(data__select):
                    if not isinstance(data__select_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".select[{data__select_x}]".format(**locals()) + " must be string")
                    if isinstance(data__select_item, str):
                        if not REGEX_PATTERNS['^(ALL|[Hh][Ll][0-9]{0,3})$'].search(data__select_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".select[{data__select_x}]".format(**locals()) + " must match pattern ^(ALL|[Hh][Ll][0-9]{0,3})$")
        if "ignore" in data_keys:
            data_keys.remove("ignore")
            data__ignore = data["ignore"]
            if not isinstance(data__ignore, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore must be array")
            data__ignore_is_list = isinstance(data__ignore, (list, tuple))
            if data__ignore_is_list:
                data__ignore_len = len(data__ignore)
                for data__ignore_x, data__ignore_item in enumerate(data__ignore):
                    if not isinstance(data__ignore_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore[{data__ignore_x}]".format(**locals()) + " must be string")
                    if isinstance(data__ignore_item, str):
                        if not REGEX_PATTERNS['^(ALL|[Hh][Ll][0-9]{0,3})$'].search(data__ignore_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".ignore[{data__ignore_x}]".format(**locals()) + " must match pattern ^(ALL|[Hh][Ll][0-9]{0,3})$")
        if "severity" in data_keys:
            data_keys.remove("severity")
            data__severity = data["severity"]
            if not isinstance(data__severity, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity must be object")
            data__severity_is_dict = isinstance(data__severity, dict)
            if data__severity_is_dict:
                data__severity_keys = set(data__severity.keys())
                for data__severity_key in data__severity_keys:
                    if data__severity_key not in []:
                        data__severity_value = data__severity.get(data__severity_key)
                        if not (isinstance(data__severity_value, str) and data__severity_value == 'error' or isinstance(data__severity_value, str) and data__severity_value == 'warning'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity.{data__severity_key}".format(**locals()) + " must be one of ['error', 'warning']")
                data__severity_len = len(data__severity)
                if data__severity_len != 0:
                    data__severity_property_names = True
                    for data__severity_key in data__severity:
                        try:
                            if isinstance(data__severity_key, str):
                                if not REGEX_PATTERNS['^HL[0-9]{3}$'].search(data__severity_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity must match pattern ^HL[0-9]{3}$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__severity_property_names = False
                    if not data__severity_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity must be named by propertyName definition")
        if "internal-domains" in data_keys:
            data_keys.remove("internal-domains")
            data__internaldomains = data["internal-domains"]
            if not isinstance(data__internaldomains, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".internal-domains must be array")
            data__internaldomains_is_list = isinstance(data__internaldomains, (list, tuple))
            if data__internaldomains_is_list:
                data__internaldomains_len = len(data__internaldomains)
                for data__internaldomains_x, data__internaldomains_item in enumerate(data__internaldomains):
                    if not isinstance(data__internaldomains_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".internal-domains[{data__internaldomains_x}]".format(**locals()) + " must be string")
                    if isinstance(data__internaldomains_item, str):
                        if not REGEX_PATTERNS['^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$'].search(data__internaldomains_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".internal-domains[{data__internaldomains_x}]".format(**locals()) + " must match pattern ^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$")
        if "placeholder-users" in data_keys:
            data_keys.remove("placeholder-users")
            data__placeholderusers = data["placeholder-users"]
            if not isinstance(data__placeholderusers, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".placeholder-users must be array")
            data__placeholderusers_is_list = isinstance(data__placeholderusers, (list, tuple))
            if data__placeholderusers_is_list:
                data__placeholderusers_len = len(data__placeholderusers)
                for data__placeholderusers_x, data__placeholderusers_item in enumerate(data__placeholderusers):
                    if not isinstance(data__placeholderusers_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".placeholder-users[{data__placeholderusers_x}]".format(**locals()) + " must be string")
                    if isinstance(data__placeholderusers_item, str):
                        data__placeholderusers_item_len = len(data__placeholderusers_item)
                        if data__placeholderusers_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".placeholder-users[{data__placeholderusers_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "exclude" in data_keys:
            data_keys.remove("exclude")
            data__exclude = data["exclude"]
            if not isinstance(data__exclude, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".exclude must be array")
            data__exclude_is_list = isinstance(data__exclude, (list, tuple))
            if data__exclude_is_list:
                data__exclude_len = len(data__exclude)
                for data__exclude_x, data__exclude_item in enumerate(data__exclude):
                    if not isinstance(data__exclude_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".exclude[{data__exclude_x}]".format(**locals()) + " must be string")
                    if isinstance(data__exclude_item, str):
                        data__exclude_item_len = len(data__exclude_item)
                        if data__exclude_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".exclude[{data__exclude_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "per-file-ignores" in data_keys:
            data_keys.remove("per-file-ignores")
            data__perfileignores = data["per-file-ignores"]
            if not isinstance(data__perfileignores, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".per-file-ignores must be object")
            data__perfileignores_is_dict = isinstance(data__perfileignores, dict)
            if data__perfileignores_is_dict:
                data__perfileignores_keys = set(data__perfileignores.keys())
                for data__perfileignores_key in data__perfileignores_keys:
                    if data__perfileignores_key not in []:
                        data__perfileignores_value = data__perfileignores.get(data__perfileignores_key)
                        if not isinstance(data__perfileignores_value, (list, tuple)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".per-file-ignores.{data__perfileignores_key}".format(**locals()) + " must be array")
                        data__perfileignores_value_is_list = isinstance(data__perfileignores_value, (list, tuple))
                        if data__perfileignores_value_is_list:
                            data__perfileignores_value_len = len(data__perfileignores_value)
                            for data__perfileignores_value_x, data__perfileignores_value_item in enumerate(data__perfileignores_value):
                                if not isinstance(data__perfileignores_value_item, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".per-file-ignores.{data__perfileignores_key}[{data__perfileignores_value_x}]".format(**locals()) + " must be string")
                                if isinstance(data__perfileignores_value_item, str):
                                    if not REGEX_PATTERNS['^(ALL|[Hh][Ll][0-9]{0,3})$'].search(data__perfileignores_value_item):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".per-file-ignores.{data__perfileignores_key}[{data__perfileignores_value_x}]".format(**locals()) + " must match pattern ^(ALL|[Hh][Ll][0-9]{0,3})$")
        if "privacy-outside" in data_keys:
            data_keys.remove("privacy-outside")
            data__privacyoutside = data["privacy-outside"]
            if not (isinstance(data__privacyoutside, str) and data__privacyoutside == 'markdown' or isinstance(data__privacyoutside, str) and data__privacyoutside == 'all' or isinstance(data__privacyoutside, str) and data__privacyoutside == 'none'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".privacy-outside must be one of ['markdown', 'all', 'none']")
        if "stale-days" in data_keys:
            data_keys.remove("stale-days")
            data__staledays = data["stale-days"]
            if not isinstance(data__staledays, (int)) and not (isinstance(data__staledays, float) and data__staledays.is_integer()) or isinstance(data__staledays, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".stale-days must be integer")
            if isinstance(data__staledays, (int, float, Decimal)) and not isinstance(data__staledays, bool):
                if data__staledays < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".stale-days must be bigger than or equal to 0")
        if "status-words" in data_keys:
            data_keys.remove("status-words")
            data__statuswords = data["status-words"]
            if not isinstance(data__statuswords, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words must be object")
            data__statuswords_is_dict = isinstance(data__statuswords, dict)
            if data__statuswords_is_dict:
                data__statuswords_keys = set(data__statuswords.keys())
                if "active" in data__statuswords_keys:
                    data__statuswords_keys.remove("active")
                    data__statuswords__active = data__statuswords["active"]
                    if not isinstance(data__statuswords__active, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.active must be array")
                    data__statuswords__active_is_list = isinstance(data__statuswords__active, (list, tuple))
                    if data__statuswords__active_is_list:
                        data__statuswords__active_len = len(data__statuswords__active)
                        for data__statuswords__active_x, data__statuswords__active_item in enumerate(data__statuswords__active):
                            if not isinstance(data__statuswords__active_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.active[{data__statuswords__active_x}]".format(**locals()) + " must be string")
                            if isinstance(data__statuswords__active_item, str):
                                if not REGEX_PATTERNS['\\S'].search(data__statuswords__active_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.active[{data__statuswords__active_x}]".format(**locals()) + " must match pattern \\S")
                if "archive" in data__statuswords_keys:
                    data__statuswords_keys.remove("archive")
                    data__statuswords__archive = data__statuswords["archive"]
                    if not isinstance(data__statuswords__archive, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.archive must be array")
                    data__statuswords__archive_is_list = isinstance(data__statuswords__archive, (list, tuple))
                    if data__statuswords__archive_is_list:
                        data__statuswords__archive_len = len(data__statuswords__archive)
                        for data__statuswords__archive_x, data__statuswords__archive_item in enumerate(data__statuswords__archive):
                            if not isinstance(data__statuswords__archive_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.archive[{data__statuswords__archive_x}]".format(**locals()) + " must be string")
                            if isinstance(data__statuswords__archive_item, str):
                                if not REGEX_PATTERNS['\\S'].search(data__statuswords__archive_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.archive[{data__statuswords__archive_x}]".format(**locals()) + " must match pattern \\S")
                if "needs-response" in data__statuswords_keys:
                    data__statuswords_keys.remove("needs-response")
                    data__statuswords__needsresponse = data__statuswords["needs-response"]
                    if not isinstance(data__statuswords__needsresponse, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.needs-response must be array")
                    data__statuswords__needsresponse_is_list = isinstance(data__statuswords__needsresponse, (list, tuple))
                    if data__statuswords__needsresponse_is_list:
                        data__statuswords__needsresponse_len = len(data__statuswords__needsresponse)
                        for data__statuswords__needsresponse_x, data__statuswords__needsresponse_item in enumerate(data__statuswords__needsresponse):
                            if not isinstance(data__statuswords__needsresponse_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.needs-response[{data__statuswords__needsresponse_x}]".format(**locals()) + " must be string")
                            if isinstance(data__statuswords__needsresponse_item, str):
                                if not REGEX_PATTERNS['\\S'].search(data__statuswords__needsresponse_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words.needs-response[{data__statuswords__needsresponse_x}]".format(**locals()) + " must match pattern \\S")
                if data__statuswords_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".status-words must not contain "+str(data__statuswords_keys)+" properties")
        if "roots" in data_keys:
            data_keys.remove("roots")
            data__roots = data["roots"]
            if not isinstance(data__roots, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".roots must be array")
            data__roots_is_list = isinstance(data__roots, (list, tuple))
            if data__roots_is_list:
                data__roots_len = len(data__roots)
                for data__roots_x, data__roots_item in enumerate(data__roots):
                    if not isinstance(data__roots_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".roots[{data__roots_x}]".format(**locals()) + " must be string")
                    if isinstance(data__roots_item, str):
                        data__roots_item_len = len(data__roots_item)
                        if data__roots_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".roots[{data__roots_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "extra-sections" in data_keys:
            data_keys.remove("extra-sections")
            data__extrasections = data["extra-sections"]
            if not isinstance(data__extrasections, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections must be object")
            data__extrasections_is_dict = isinstance(data__extrasections, dict)
            if data__extrasections_is_dict:
                data__extrasections_keys = set(data__extrasections.keys())
                if "handoff" in data__extrasections_keys:
                    data__extrasections_keys.remove("handoff")
                    data__extrasections__handoff = data__extrasections["handoff"]
                    if not isinstance(data__extrasections__handoff, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections.handoff must be array")
                    data__extrasections__handoff_is_list = isinstance(data__extrasections__handoff, (list, tuple))
                    if data__extrasections__handoff_is_list:
                        data__extrasections__handoff_len = len(data__extrasections__handoff)
                        for data__extrasections__handoff_x, data__extrasections__handoff_item in enumerate(data__extrasections__handoff):
                            if not isinstance(data__extrasections__handoff_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections.handoff[{data__extrasections__handoff_x}]".format(**locals()) + " must be string")
                            if isinstance(data__extrasections__handoff_item, str):
                                if not REGEX_PATTERNS['\\S'].search(data__extrasections__handoff_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections.handoff[{data__extrasections__handoff_x}]".format(**locals()) + " must match pattern \\S")
                if "response" in data__extrasections_keys:
                    data__extrasections_keys.remove("response")
                    data__extrasections__response = data__extrasections["response"]
                    if not isinstance(data__extrasections__response, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections.response must be array")
                    data__extrasections__response_is_list = isinstance(data__extrasections__response, (list, tuple))
                    if data__extrasections__response_is_list:
                        data__extrasections__response_len = len(data__extrasections__response)
                        for data__extrasections__response_x, data__extrasections__response_item in enumerate(data__extrasections__response):
                            if not isinstance(data__extrasections__response_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections.response[{data__extrasections__response_x}]".format(**locals()) + " must be string")
                            if isinstance(data__extrasections__response_item, str):
                                if not REGEX_PATTERNS['\\S'].search(data__extrasections__response_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections.response[{data__extrasections__response_x}]".format(**locals()) + " must match pattern \\S")
                if data__extrasections_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra-sections must not contain "+str(data__extrasections_keys)+" properties")
        if "protocols" in data_keys:
            data_keys.remove("protocols")
            data__protocols = data["protocols"]
            if not isinstance(data__protocols, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols must be object")
            data__protocols_is_dict = isinstance(data__protocols, dict)
            if data__protocols_is_dict:
                data__protocols_keys = set(data__protocols.keys())
                for data__protocols_key in data__protocols_keys:
                    if data__protocols_key not in []:
                        data__protocols_value = data__protocols.get(data__protocols_key)
                        if not isinstance(data__protocols_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}".format(**locals()) + " must be object")
                        data__protocols_value_is_dict = isinstance(data__protocols_value, dict)
                        if data__protocols_value_is_dict:
                            data__protocols_value__missing_keys = set(['folders', 'handoff']) - data__protocols_value.keys()
                            if data__protocols_value__missing_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}".format(**locals()) + " must contain ")
                            data__protocols_value_keys = set(data__protocols_value.keys())
                            if "folders" in data__protocols_value_keys:
                                data__protocols_value_keys.remove("folders")
                                data__protocols_value__folders = data__protocols_value["folders"]
                                if not isinstance(data__protocols_value__folders, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.folders".format(**locals()) + " must be array")
                                data__protocols_value__folders_is_list = isinstance(data__protocols_value__folders, (list, tuple))
                                if data__protocols_value__folders_is_list:
                                    data__protocols_value__folders_len = len(data__protocols_value__folders)
                                    if data__protocols_value__folders_len < 1:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.folders".format(**locals()) + " must contain at least 1 items")
                                    for data__protocols_value__folders_x, data__protocols_value__folders_item in enumerate(data__protocols_value__folders):
                                        if not isinstance(data__protocols_value__folders_item, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.folders[{data__protocols_value__folders_x}]".format(**locals()) + " must be string")
                                        if isinstance(data__protocols_value__folders_item, str):
                                            data__protocols_value__folders_item_len = len(data__protocols_value__folders_item)
                                            if data__protocols_value__folders_item_len < 1:
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.folders[{data__protocols_value__folders_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
                            if "template-title" in data__protocols_value_keys:
                                data__protocols_value_keys.remove("template-title")
                                data__protocols_value__templatetitle = data__protocols_value["template-title"]
                                if not isinstance(data__protocols_value__templatetitle, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.template-title".format(**locals()) + " must be string")
                                if isinstance(data__protocols_value__templatetitle, str):
                                    data__protocols_value__templatetitle_len = len(data__protocols_value__templatetitle)
                                    if data__protocols_value__templatetitle_len < 1:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.template-title".format(**locals()) + " must be longer than or equal to 1 characters")
                            if "handoff" in data__protocols_value_keys:
                                data__protocols_value_keys.remove("handoff")
                                data__protocols_value__handoff = data__protocols_value["handoff"]
                                if not isinstance(data__protocols_value__handoff, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.handoff".format(**locals()) + " must be string")
                                if isinstance(data__protocols_value__handoff, str):
                                    data__protocols_value__handoff_len = len(data__protocols_value__handoff)
                                    if data__protocols_value__handoff_len < 1:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.handoff".format(**locals()) + " must be longer than or equal to 1 characters")
                            if "response" in data__protocols_value_keys:
                                data__protocols_value_keys.remove("response")
                                data__protocols_value__response = data__protocols_value["response"]
                                if not isinstance(data__protocols_value__response, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.response".format(**locals()) + " must be string")
                                if isinstance(data__protocols_value__response, str):
                                    data__protocols_value__response_len = len(data__protocols_value__response)
                                    if data__protocols_value__response_len < 1:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}.response".format(**locals()) + " must be longer than or equal to 1 characters")
                            if data__protocols_value_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols.{data__protocols_key}".format(**locals()) + " must not contain "+str(data__protocols_value_keys)+" properties")
                data__protocols_len = len(data__protocols)
                if data__protocols_len != 0:
                    data__protocols_property_names = True
                    for data__protocols_key in data__protocols:
                        try:
                            if isinstance(data__protocols_key, str):
                                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__protocols_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols must match pattern ^[a-z0-9][a-z0-9-]*$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__protocols_property_names = False
                    if not data__protocols_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".protocols must be named by propertyName definition")
        if "strict" in data_keys:
            data_keys.remove("strict")
            data__strict = data["strict"]
            if not isinstance(data__strict, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".strict must be boolean")
        if "max-file-size" in data_keys:
            data_keys.remove("max-file-size")
            data__maxfilesize = data["max-file-size"]
            if not isinstance(data__maxfilesize, (int)) and not (isinstance(data__maxfilesize, float) and data__maxfilesize.is_integer()) or isinstance(data__maxfilesize, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".max-file-size must be integer")
            if isinstance(data__maxfilesize, (int, float, Decimal)) and not isinstance(data__maxfilesize, bool):
                if data__maxfilesize < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".max-file-size must be bigger than or equal to 1")
        if "inline-suppress" in data_keys:
            data_keys.remove("inline-suppress")
            data__inlinesuppress = data["inline-suppress"]
            if not isinstance(data__inlinesuppress, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".inline-suppress must be array")
            data__inlinesuppress_is_list = isinstance(data__inlinesuppress, (list, tuple))
            if data__inlinesuppress_is_list:
                data__inlinesuppress_len = len(data__inlinesuppress)
                for data__inlinesuppress_x, data__inlinesuppress_item in enumerate(data__inlinesuppress):
                    if not isinstance(data__inlinesuppress_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".inline-suppress[{data__inlinesuppress_x}]".format(**locals()) + " must be string")
                    if isinstance(data__inlinesuppress_item, str):
                        if not REGEX_PATTERNS['^(ALL|[Hh][Ll][0-9]{0,3})$'].search(data__inlinesuppress_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".inline-suppress[{data__inlinesuppress_x}]".format(**locals()) + " must match pattern ^(ALL|[Hh][Ll][0-9]{0,3})$")
        if "max-findings-per-rule" in data_keys:
            data_keys.remove("max-findings-per-rule")
            data__maxfindingsperrule = data["max-findings-per-rule"]
            if not isinstance(data__maxfindingsperrule, (int)) and not (isinstance(data__maxfindingsperrule, float) and data__maxfindingsperrule.is_integer()) or isinstance(data__maxfindingsperrule, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".max-findings-per-rule must be integer")
            if isinstance(data__maxfindingsperrule, (int, float, Decimal)) and not isinstance(data__maxfindingsperrule, bool):
                if data__maxfindingsperrule < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".max-findings-per-rule must be bigger than or equal to 1")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data