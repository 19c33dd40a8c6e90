namespace PassBroker.Emulator.State;

/// <summary>One profile slot: a device may hold one profile per MVPD.</summary>
internal readonly record struct ProfileKey(DeviceKey Device, string Mvpd);
