declare module 'autocannon' {
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (request: any, context: any) => any };
  type Options = { url: string; connections?: number; duration?: number; amount?: number; requests?: Request[]; headers?: Record<string, string>; method?: string; body?: string };
  type Histogram = { average: number; p50: number; p99: number; total: number };
  export type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; duration: number; '2xx': number; statusCodeStats?: Record<string, { count: number }> };
  export default function autocannon(options: Options): Promise<Result>;
}
