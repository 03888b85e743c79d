// The http-core errors users of pyppms-ts catch, re-exported so one import serves: the root of
// both SDKs' errors, argument errors, and every transport and cache error a PUMAPI call can end in.
export {
  FacilitySdkError,
  InvalidArgumentError,
  HttpCoreError,
  HttpStatusError,
  HttpClientError,
  HttpNotFoundError,
  HttpRateLimitError,
  HttpServerError,
  HttpConnectionError,
  HttpTimeoutError,
  HttpAbortError,
  ResponseTooLargeError,
  ResponseDecodeError,
  ResponseParseError,
  CacheMissError,
} from "@facility-sdk/http-core";
