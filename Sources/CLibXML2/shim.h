#ifndef KONTOR_CLIBXML2_SHIM_H
#define KONTOR_CLIBXML2_SHIM_H
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#endif
