#include "core/documents/document_state.hpp"

namespace shido::core::documents {

std::string_view key_of(DocumentKind kind) {
    return key_in<DocumentKind>(document_kinds, kind);
}
std::string_view label_of(DocumentKind kind) {
    return label_in<DocumentKind>(document_kinds, kind);
}
std::optional<DocumentKind> parse_document_kind(std::string_view key) {
    return parse_in<DocumentKind>(document_kinds, key);
}
std::string_view key_of(DocumentState state) {
    return key_in<DocumentState>(document_states, state);
}
std::string_view label_of(DocumentState state) {
    return label_in<DocumentState>(document_states, state);
}
std::optional<DocumentState> parse_document_state(std::string_view key) {
    return parse_in<DocumentState>(document_states, key);
}

}  // namespace shido::core::documents
