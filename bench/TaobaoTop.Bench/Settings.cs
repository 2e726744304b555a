namespace TaobaoTop.Bench;

/// <summary>The sizes of one run: the full run the report is for, or the smoke run CI uses to keep the harness working.</summary>
public sealed record Settings(
    bool Smoke,
    double Qps,
    int LatencyMs,
    int OrderDays,
    int OrderTarget,
    int SmallOrderDays,
    int ListingItems,
    int SkuListingItems,
    int WideSkuItems,
    int NaiveItems,
    double NaiveSleepSeconds,
    int ImportRuns,
    int WhatIfRows,
    int PacerCalls,
    int ReceiverSeconds,
    int[] SlowLatenciesMs,
    int SlowOrderDays,
    int SlowListingItems)
{
    public static Settings Full { get; } = new(
        Smoke: false, Qps: 40, LatencyMs: 50,
        OrderDays: 30, OrderTarget: 50_000, SmallOrderDays: 6,
        ListingItems: 2_000,
        // 1,000 items of 3–6 SKUs: about 25 s of calls without pictures, 50 s with a 主图2 each.
        SkuListingItems: 1_000,
        // 60 items of 60 SKUs: 44 calls each, about 66 s.
        WideSkuItems: 60,
        // The naive script runs at a fixed pace (sleep + latency per item): 200 items give its rate; 2,000 would take ~9 minutes.
        NaiveItems: 200, NaiveSleepSeconds: 0.2,
        ImportRuns: 7, WhatIfRows: 100_000, PacerCalls: 400, ReceiverSeconds: 10,
        // A real gateway from outside China, or on a busy day, answers in hundreds of milliseconds.
        SlowLatenciesMs: new[] { 200, 400 }, SlowOrderDays: 30, SlowListingItems: 1_500);

    public static Settings SmokeRun { get; } = new(
        Smoke: true, Qps: 40, LatencyMs: 5,
        OrderDays: 2, OrderTarget: 600, SmallOrderDays: 1,
        ListingItems: 20, SkuListingItems: 6, WideSkuItems: 2, NaiveItems: 5, NaiveSleepSeconds: 0.2,
        ImportRuns: 1, WhatIfRows: 500, PacerCalls: 40, ReceiverSeconds: 1,
        SlowLatenciesMs: new[] { 50 }, SlowOrderDays: 1, SlowListingItems: 10);

    /// <summary>WeCom's callback rate the receiver must take while answering every callback within WeCom's 5 s.</summary>
    public const int ReceiverEventsPerSecond = 1_000;

    /// <summary>The emulator's order density that puts about <see cref="OrderTarget"/> orders in <see cref="OrderDays"/>.</summary>
    public double OrdersPerDay => Math.Ceiling((double)OrderTarget / OrderDays);
}
