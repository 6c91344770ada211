import { describe, expect, it } from "vitest";
import { isPrivateAddress, targetProblem } from "./targets.js";

describe("isPrivateAddress", () => {
  const cases: [string, boolean][] = [
    ["127.0.0.1", true],
    ["127.255.0.9", true],
    ["10.20.30.40", true],
    ["172.16.0.1", true],
    ["172.31.255.255", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["224.0.0.1", true],
    ["255.255.255.255", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["::1", true],
    ["[::1]", true],
    ["::", true],
    ["fe80::1%eth0", true],
    ["fd00::1", true],
    ["ff02::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::ffff:8.8.8.8", false],
    ["64:ff9b::a00:1", true],
    ["2002:c0a8:101::1", true],
    ["2606:4700::1111", false],
    ["not an address", true],
  ];
  it.each(cases)("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe("targetProblem", () => {
  it("accepts public http(s) URLs, and private ones only when allowed", () => {
    expect(targetProblem("https://hooks.slack.com/services/T0/B0/x", false)).toBeUndefined();
    expect(targetProblem("http://93.184.216.34:8080/in", false)).toBeUndefined();
    expect(targetProblem("http://127.0.0.1:9000/in", false)).toMatch(/loopback or private address \(127\.0\.0\.1\)/);
    expect(targetProblem("http://127.0.0.1:9000/in", true)).toBeUndefined();
    expect(targetProblem("http://api.localhost/in", false)).toMatch(/api\.localhost/);
    expect(targetProblem("http://db.internal/in", false)).toMatch(/db\.internal/);
    expect(targetProblem("http://2130706433/in", false)).toMatch(/127\.0\.0\.1/);
    expect(targetProblem("gopher://hooks.example.com/", true)).toBe("must be an http(s) URL");
    expect(targetProblem("https://u:p@hooks.example.com/", true)).toBe("must not hold a user name or password");
  });
});
