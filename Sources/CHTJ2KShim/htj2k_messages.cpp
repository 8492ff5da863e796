#include "htj2k_messages.h"

#include <openjph/ojph_arch.h>
#include <openjph/ojph_message.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <new>
#include <stdexcept>

/*
 * OpenJPH 0.9.0's configure_error() assigns the handler object through a reference, which copies
 * no virtual table, so a message_error subclass is never called: the default handler always
 * prints to the error stream and then throws. Its info, warning and error handlers also print
 * without checking for a NULL stream. The shim therefore gives OpenJPH three real streams whose
 * writes land in a buffer of the writing thread: unbuffered, each fprintf of OpenJPH's handler
 * reaches the write callback on the thread that reported the message.
 */

namespace lucid_htj2k {
namespace {

enum class channel { error, warning, info };

constexpr std::size_t maximum_record = 1024;

std::string &record_of(channel kind) {
    thread_local std::string error_record, warning_record, info_record;
    switch (kind) {
    case channel::error: return error_record;
    case channel::warning: return warning_record;
    default: return info_record;
    }
}

void append_record(channel kind, const char *bytes, std::size_t size) {
    std::string &record = record_of(kind);
    if (record.size() < maximum_record) {
        record.append(bytes, std::min(size, maximum_record - record.size()));
    }
}

#if defined(__GLIBC__)
template <channel kind>
ssize_t write_record(void *, const char *bytes, size_t size) {
    append_record(kind, bytes, size);
    return static_cast<ssize_t>(size);
}
template <channel kind>
FILE *open_recording_stream() {
    cookie_io_functions_t functions = {};
    functions.write = write_record<kind>;
    return fopencookie(nullptr, "w", functions);
}
#elif defined(__APPLE__)
template <channel kind>
int write_record(void *, const char *bytes, int size) {
    append_record(kind, bytes, static_cast<std::size_t>(size));
    return size;
}
template <channel kind>
FILE *open_recording_stream() {
    return funopen(nullptr, nullptr, write_record<kind>, nullptr, nullptr);
}
#else
template <channel kind>
FILE *open_recording_stream() {
    return nullptr;
}
#endif

/* A recording stream, else /dev/null; never NULL unless both fail. */
template <channel kind>
FILE *open_stream() {
    FILE *stream = open_recording_stream<kind>();
    if (stream == nullptr) stream = std::fopen("/dev/null", "w");
    if (stream != nullptr) std::setvbuf(stream, nullptr, _IONBF, 0);
    return stream;
}

/* "ojph error 0x00050044 at ojph_params.cpp:566: text\n" -> "text (OpenJPH 0x00050044)". */
std::string without_prefix(const std::string &record) {
    std::string text = record;
    std::size_t newline = text.find('\n');
    if (newline != std::string::npos) text.resize(newline);
    std::size_t code_start = text.find("0x");
    std::size_t at = text.find(" at ");
    if (code_start == std::string::npos || at == std::string::npos || at < code_start) return text;
    std::size_t colon = text.find(": ", at);
    if (colon == std::string::npos) return text;
    std::string code = text.substr(code_start, at - code_start);
    return text.substr(colon + 2) + " (OpenJPH " + code + ")";
}

}  // namespace

void begin_recording() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (FILE *errors = open_stream<channel::error>()) ojph::set_error_stream(errors);
        if (FILE *warnings = open_stream<channel::warning>()) ojph::set_warning_stream(warnings);
        if (FILE *infos = open_stream<channel::info>()) ojph::set_info_stream(infos);
    });
    record_of(channel::error).clear();
    record_of(channel::warning).clear();
    record_of(channel::info).clear();
}

std::string recorded_error() { return without_prefix(record_of(channel::error)); }

std::string recorded_warning() { return without_prefix(record_of(channel::warning)); }

std::string recorded_info() { return without_prefix(record_of(channel::info)); }

void set_message(char *message, std::size_t capacity, const std::string &text) {
    if (message == nullptr || capacity == 0) return;
    std::size_t count = std::min(text.size(), capacity - 1);
    std::memcpy(message, text.data(), count);
    message[count] = '\0';
}

void report_exception(const char *what, char *message, std::size_t capacity) {
    std::string text = recorded_error();
    if (text.empty() && what != nullptr) text = what;
    if (text.empty()) text = "unknown OpenJPH failure";
    set_message(message, capacity, text);
}

}  // namespace lucid_htj2k
