// Recording the fake's answers once, so the baseline servers can replay the
// very same bytes.
//
// A recording directory holds identify.xml, get.xml, enumerate.xml and
// pull-0001.xml, pull-0002.xml, ... (the Pull answers of one enumeration, in
// order), plus imposter.json, the same answers as a mountebank imposter.
#ifndef CIMULATE_BENCH_RECORDING_H_
#define CIMULATE_BENCH_RECORDING_H_

#include <string>
#include <vector>

namespace cimulate::bench {

struct Recording {
  std::string identify;
  std::string get;
  std::string enumerate;
  std::vector<std::string> pulls;
};

bool SaveRecording(const std::string& dir, const Recording& recording, std::string* error);
bool LoadRecording(const std::string& dir, Recording* recording, std::string* error);

// Which recorded answer a request asks for, by the WS-Man action in its body.
enum class RecordedKind { kIdentify, kGet, kEnumerate, kPull, kUnknown };
RecordedKind ClassifyRequest(const std::string& body);

// A mountebank imposter (http on 127.0.0.1, no port: mountebank picks one) with
// one stub per kind; the Pull stub's responses cycle in recorded order, as
// mountebank does for a stub with several responses.
std::string ImposterJson(const Recording& recording);

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_RECORDING_H_
