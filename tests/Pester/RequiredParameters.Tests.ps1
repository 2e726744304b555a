#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# Invoke-TaobaoApi knows the required parameters of every catalog API and says what is missing before sending.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42
}

Describe 'Required parameters' {
    It 'names the API and every missing parameter, and sends nothing' {
        $before = (Get-TaobaoTopContext).Calls
        Invoke-TaobaoApi taobao.tbk.dg.vegas.tlj.create @{ adzone_id = 3000001; name = '试用' } -ErrorVariable failures -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        (Get-TaobaoTopContext).Calls | Should -Be $before
        $failures[0].Exception.Message | Should -Match 'taobao\.tbk\.dg\.vegas\.tlj\.create'
        foreach ($name in 'item_id', 'total_num', 'user_total_win_num_limit', 'security_switch', 'per_face', 'send_start_time') {
            $failures[0].Exception.Message | Should -Match $name
        }
        $failures[0].Exception.Message | Should -Not -Match 'adzone_id'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'counts an empty value as missing' {
        $before = (Get-TaobaoTopContext).Calls
        Invoke-TaobaoApi taobao.tbk.tpwd.create @{ url = '' } -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -Match '^MissingParameter'
        $failures[0].Exception.Message | Should -Match '\burl\b'
        (Get-TaobaoTopContext).Calls | Should -Be $before
    }

    It 'sends a complete call' {
        $link = Find-TbkItem -Keyword 手机 -First 1 | ConvertTo-TbkLink
        (Invoke-TaobaoApi taobao.tbk.tpwd.create @{ url = $link.LongUrl }).data.model | Should -Not -BeNullOrEmpty
    }

    It 'still sends an API it knows nothing of, for the gateway to judge' {
        $before = (Get-TaobaoTopContext).Calls
        Invoke-TaobaoApi taobao.tbk.brand.new.api @{} -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
        (Get-TaobaoTopContext).Calls | Should -Be ($before + 1)
    }
}
