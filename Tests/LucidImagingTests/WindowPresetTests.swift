import LucidImaging
import Testing

@Suite("Window presets")
struct WindowPresetTests {
    @Test("every preset parses from its name and is a valid LINEAR window", arguments: WindowPreset.allCases)
    func roundTrip(preset: WindowPreset) {
        #expect(WindowPreset(name: preset.name) == preset)
        #expect(WindowPreset(name: preset.name.uppercased()) == preset)
        #expect(WindowPreset(name: " \(preset.name) ") == preset)
        #expect(preset.window.isValid)
        #expect(preset.window.function == .linear)
        #expect(preset.window.center == preset.center && preset.window.width == preset.width)
    }

    @Test("commonly cited values")
    func values() {
        #expect(WindowPreset.lung.window == Window(center: -600, width: 1500, explanation: "LUNG"))
        #expect((WindowPreset.mediastinum.center, WindowPreset.mediastinum.width) == (50, 350))
        #expect((WindowPreset.bone.center, WindowPreset.bone.width) == (400, 1800))
        #expect((WindowPreset.brain.center, WindowPreset.brain.width) == (40, 80))
        #expect((WindowPreset.abdomen.center, WindowPreset.abdomen.width) == (50, 400))
        #expect((WindowPreset.subdural.center, WindowPreset.subdural.width) == (75, 215))
        #expect((WindowPreset.stroke.center, WindowPreset.stroke.width) == (40, 40))
    }

    @Test("unknown names and aliases")
    func names() {
        #expect(WindowPreset(name: "temporal_bone") == .temporalBone)
        #expect(WindowPreset(name: "Temporal-Bone") == .temporalBone)
        #expect(WindowPreset(name: "lungs") == nil)
        #expect(WindowPreset(name: "") == nil)
        #expect(WindowPreset(name: "lung window") == nil)
        #expect(Set(WindowPreset.allCases.map(\.name)).count == WindowPreset.allCases.count)
    }
}
