#pragma once
#include <expat.h>

#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include "exports/office/office_archive.hpp"

namespace shido::exports::office {

// An element's or attribute's name without its namespace prefix (w:t → t).
inline std::string_view office_local_name(const XML_Char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// What every part's handler shares. Handlers never throw: expat is C, so a problem is noted
// and the parse stopped, and parse_office_xml() reports it once expat has returned.
struct OfficeXmlHandler {
    bool doctype = false;
    std::optional<std::string> problem;
    void fail(std::string message) {
        if (!problem) problem = std::move(message);
    }
};

template <typename Handler>
struct OfficeXmlRun {
    XML_Parser parser;
    Handler* handler;
    bool stopped() const { return handler->problem || handler->doctype; }
    void stop_if_failed() const {
        if (stopped()) XML_StopParser(parser, XML_FALSE);
    }
};

// One XML part of an Office file parsed with expat; `Handler` has start(name, attributes),
// end(name) and text(chars). A document type declaration is refused outright (no entities of
// any kind are needed in Office XML), so no entity expansion can happen. A part that is not
// well-formed is refused with `malformed`.
template <typename Handler>
void parse_office_xml(const std::string& xml, Handler& handler, const std::string& malformed) {
    struct Parser {
        XML_Parser p = XML_ParserCreate(nullptr);
        ~Parser() { XML_ParserFree(p); }
    } parser;
    if (!parser.p) throw std::bad_alloc();
    using Run = OfficeXmlRun<Handler>;
    Run run{parser.p, &handler};
    XML_SetUserData(parser.p, &run);
    XML_SetElementHandler(
        parser.p,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            auto* r = static_cast<Run*>(data);
            if (r->stopped()) return;
            r->handler->start(office_local_name(name), attributes);
            r->stop_if_failed();
        },
        [](void* data, const XML_Char* name) {
            auto* r = static_cast<Run*>(data);
            if (r->stopped()) return;
            r->handler->end(office_local_name(name));
            r->stop_if_failed();
        });
    XML_SetCharacterDataHandler(parser.p, [](void* data, const XML_Char* s, int len) {
        auto* r = static_cast<Run*>(data);
        if (r->stopped()) return;
        r->handler->text(std::string_view(s, static_cast<std::size_t>(len)));
        r->stop_if_failed();
    });
    XML_SetStartDoctypeDeclHandler(
        parser.p, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* r = static_cast<Run*>(data);
            r->handler->doctype = true;
            r->stop_if_failed();
        });
    if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        refuse_upload(malformed);
    auto status = XML_Parse(parser.p, xml.data(), static_cast<int>(xml.size()), 1);
    if (handler.problem) refuse_upload(*handler.problem);
    if (status != XML_STATUS_OK || handler.doctype) refuse_upload(malformed);
}

}  // namespace shido::exports::office
