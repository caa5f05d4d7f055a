// smtpprobe-bench: measures the reply parser's throughput for Scripts/bench.
//
// Usage: smtpprobe-bench [--mb N] [--runs N] [--write-corpus PATH]
// Builds N MB of realistic replies (EHLO blocks, Gmail's multi-line 550, Microsoft's long
// 550 5.7.1, greetings, queue ids), feeds them to ReplyParser in random chunk sizes of 1 to
// 2048 bytes (a fixed seed, so every run parses the same chunks) and prints one line of
// key=value pairs for the best of the runs. --write-corpus writes the same bytes to PATH and
// exits, so a peer parser can be timed on identical input.

import SMTPProbeCore

#if canImport(Glibc)
  import Glibc
#endif

/// SplitMix64: a small deterministic generator, so chunk sizes repeat run to run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

let samples: [String] = [
  "220 mx.google.com ESMTP a1-20020a05600c000100b003f7f4b3b0c2si1234567wmq.12 - gsmtp\r\n",
  "250-mx.google.com at your service, [192.0.2.10]\r\n250-SIZE 157286400\r\n250-8BITMIME\r\n"
    + "250-STARTTLS\r\n250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n"
    + "250 SMTPUTF8\r\n",
  "250 2.1.0 OK a1-20020a05600c000100b003f7f4b3b0c2si1234567wmq.12 - gsmtp\r\n",
  "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
    + "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
    + "550-5.1.1 unnecessary spaces. For more information, go to\r\n"
    + "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123wmq.12 - gsmtp\r\n",
  "550 5.7.1 Service unavailable, Client host [192.0.2.10] blocked using Spamhaus. To request "
    + "removal from this list see https://www.spamhaus.org/query/ip/192.0.2.10 AS(1450) "
    + "[BN8NAM12FT041.eop-nam12.prod.protection.outlook.com 2024-01-01T00:00:00.000Z]\r\n",
  "354 Go ahead a1si123wmq.12 - gsmtp\r\n",
  "250 2.0.0 Ok: queued as 4F2A1C3B5D\r\n",
  "421-4.7.0 [192.0.2.10] Our system has detected an unusual rate of\r\n"
    + "421-4.7.0 unsolicited mail originating from your IP address. To protect our\r\n"
    + "421 4.7.0 users from spam, mail sent from your IP address has been temporarily rate limited.\r\n",
  "221 2.0.0 closing connection a1si123wmq.12 - gsmtp\r\n",
]

func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
  let line = Array("smtpprobe-bench: \(message)\n".utf8)
  _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  exit(64)
}

var megabytes = 16.0
var runs = 3
var corpusPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--mb":
    guard let text = arguments.popFirst(), let value = Double(text), value > 0 else {
      fail("--mb needs a positive number")
    }
    megabytes = value
  case "--runs":
    guard let text = arguments.popFirst(), let value = Int(text), value > 0 else {
      fail("--runs needs a positive number")
    }
    runs = value
  case "--write-corpus":
    guard let path = arguments.popFirst() else { fail("--write-corpus needs a path") }
    corpusPath = path
  default:
    fail("unknown argument '\(argument)'")
  }
}

var generator = SplitMix64(state: 0x5EED)
var corpus: [UInt8] = []
var expectedReplies = 0
let target = Int(megabytes * 1_000_000)
corpus.reserveCapacity(target + 1024)
while corpus.count < target {
  let sample = samples[Int(generator.next() % UInt64(samples.count))]
  corpus += Array(sample.utf8)
  expectedReplies += 1
}

if let corpusPath {
  guard let file = fopen(corpusPath, "wb") else { fail("cannot write \(corpusPath)") }
  _ = corpus.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
  fclose(file)
  print("bytes=\(corpus.count) replies=\(expectedReplies)")
  exit(0)
}

var chunks: [Range<Int>] = []
var offset = 0
while offset < corpus.count {
  let size = 1 + Int(generator.next() % 2048)
  let end = min(corpus.count, offset + size)
  chunks.append(offset..<end)
  offset = end
}

var best = Double.infinity
for _ in 0..<runs {
  var parser = ReplyParser()
  var replies = 0
  var lines = 0
  let start = now()
  do {
    for chunk in chunks {
      parser.append(corpus[chunk])
      while let reply = try parser.next() {
        replies += 1
        lines += reply.lines.count
      }
    }
  } catch {
    fail("parser stopped: \(error)")
  }
  let elapsed = now() - start
  guard replies == expectedReplies else {
    fail("parsed \(replies) replies, expected \(expectedReplies)")
  }
  best = min(best, elapsed)
}

let mbPerSecond = Double(corpus.count) / 1e6 / best
let repliesPerSecond = Double(expectedReplies) / best
print(
  "bytes=\(corpus.count) replies=\(expectedReplies) chunks=\(chunks.count) seconds=\(best) "
    + "mb_per_s=\((mbPerSecond * 10).rounded() / 10) "
    + "replies_per_s=\(Int(repliesPerSecond))")
