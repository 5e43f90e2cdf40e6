#ifndef KONTOR_CLIBXML2_SHIM_H
#define KONTOR_CLIBXML2_SHIM_H
// libxml2's headers would pull in the system's ICU headers, whose types clash with the
// ICU copy Foundation brings; Kontor uses no ICU part of libxml2.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#endif
