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
 * no virtual table, so a message_error subclass is never called: its default handler always
 * prints to the error stream and then throws. (A NULL error stream would make it return without
 * throwing, continuing after the error, so the stream is never NULL.) The shim therefore gives
 * OpenJPH streams whose writes land in a buffer of the writing thread: unbuffered, each fprintf
 * of OpenJPH's handler reaches the write callback on the thread that reported the message.
 */

namespace lucid_htj2k {
namespace {

constexpr std::size_t maximum_record = 1024;

thread_local std::string error_record;
thread_local std::string warning_record;

void append_record(std::string &record, const char *bytes, std::size_t size) {
    if (record.size() < maximum_record) {
        record.append(bytes, std::min(size, maximum_record - record.size()));
    }
}

#if defined(__GLIBC__)
ssize_t write_error(void *, const char *bytes, size_t size) {
    append_record(error_record, bytes, size);
    return static_cast<ssize_t>(size);
}
ssize_t write_warning(void *, const char *bytes, size_t size) {
    append_record(warning_record, bytes, size);
    return static_cast<ssize_t>(size);
}
FILE *open_recording_stream(bool errors) {
    cookie_io_functions_t functions = {};
    functions.write = errors ? write_error : write_warning;
    return fopencookie(nullptr, "w", functions);
}
#elif defined(__APPLE__)
int write_error(void *, const char *bytes, int size) {
    append_record(error_record, bytes, static_cast<std::size_t>(size));
    return size;
}
int write_warning(void *, const char *bytes, int size) {
    append_record(warning_record, bytes, static_cast<std::size_t>(size));
    return size;
}
FILE *open_recording_stream(bool errors) {
    return funopen(nullptr, nullptr, errors ? write_error : write_warning, nullptr, nullptr);
}
#else
FILE *open_recording_stream(bool) { return nullptr; }
#endif

FILE *open_stream(bool errors) {
    FILE *stream = open_recording_stream(errors);
    if (stream == nullptr) stream = std::fopen("/dev/null", "w");
    if (stream != nullptr) std::setvbuf(stream, nullptr, _IONBF, 0);
    return stream;
}

/* "ojph error 0x00050044 at ojph_params.cpp:566: text\n" -> "text (OpenJPH 0x00050044)". */
std::string without_prefix(const std::string &record) {
    std::string text = record;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    std::size_t newline = text.find('\n');
    if (newline != std::string::npos) text.resize(newline);
    std::size_t code_start = text.find("0x");
    std::size_t at = text.find(" at ");
    if (code_start == std::string::npos || at == std::string::npos) return text;
    std::size_t colon = text.find(": ", at);
    if (colon == std::string::npos) return text;
    std::string code = text.substr(code_start, at - code_start);
    return text.substr(colon + 2) + " (OpenJPH " + code + ")";
}

}  // namespace

void begin_recording() {
    static std::once_flag once;
    std::call_once(once, [] {
        FILE *errors = open_stream(true);
        if (errors != nullptr) ojph::set_error_stream(errors);
        ojph::set_warning_stream(open_stream(false));
        ojph::set_info_stream(nullptr);
    });
    error_record.clear();
    warning_record.clear();
}

std::string recorded_error() { return without_prefix(error_record); }

std::string recorded_warning() { return without_prefix(warning_record); }

void set_message(char *message, std::size_t capacity, const std::string &text) {
    if (message == nullptr || capacity == 0) return;
    std::size_t count = std::min(text.size(), capacity - 1);
    std::memcpy(message, text.data(), count);
    message[count] = '\0';
}

void report_exception(const char *operation, const char *what, char *message, std::size_t capacity) {
    std::string text = recorded_error();
    if (text.empty() && what != nullptr) text = what;
    if (text.empty()) text = "unknown OpenJPH failure";
    set_message(message, capacity, std::string(operation) + ": " + text);
}

}  // namespace lucid_htj2k
