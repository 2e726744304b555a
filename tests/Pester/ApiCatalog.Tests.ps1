#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The API catalog at work: Invoke-TaobaoApi checks required parameters before sending; Get-TaobaoApi tells which APIs
# have a typed cmdlet.
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

Describe 'APIs with typed cmdlets' {
    BeforeAll {
        $apis = @(Get-TaobaoApi)
    }

    It 'splits the catalog into APIs with and without a typed cmdlet' {
        $groups = $apis | Group-Object HasCmdlet
        ($groups | Where-Object Name -eq 'True').Count | Should -BeGreaterThan 40
        ($groups | Where-Object Name -eq 'False').Count | Should -BeGreaterThan 0
        ($groups | Measure-Object Count -Sum).Sum | Should -Be $apis.Count
    }

    It 'names the cmdlet, in both roles' {
        ($apis | Where-Object Method -eq 'taobao.tbk.dg.vegas.tlj.create').Cmdlet | Should -Be 'New-TbkGiftMoney'
        ($apis | Where-Object Method -eq 'taobao.tbk.sc.activity.info.get').Cmdlet | Should -Be 'Get-TbkActivityLink'
        ($apis | Where-Object Method -eq 'taobao.tbk.dg.vegas.tlj.share.convert').Cmdlet | Should -Be 'ConvertTo-TbkGiftMoneyLink'
        ($apis | Where-Object Method -eq 'taobao.tbk.sc.membergroup.optional').Cmdlet | Should -Be 'Get-TbkMemberGroup, New-TbkMemberGroup'
        ($apis | Where-Object Method -eq 'taobao.tbk.feed.indicator.upload').HasCmdlet | Should -BeFalse
    }

    It 'names only exported cmdlets, and only catalog APIs' {
        $exported = (Get-Module TaobaoTop).ExportedCmdlets.Keys
        $named = $apis | Where-Object HasCmdlet | ForEach-Object { $_.Cmdlet -split ', ' } | Sort-Object -Unique
        $named | Where-Object { $_ -notin $exported } | Should -BeNullOrEmpty
        $map = [TaobaoTop.Cmdlets.Api.GetTaobaoApiCommand].Assembly.GetType('TaobaoTop.Cmdlets.Api.TypedCmdlets')
        $mapped = $map.GetProperty('Methods', [Reflection.BindingFlags]'Public,Static').GetValue($null)
        $mapped | Where-Object { $_ -notin $apis.Method } | Should -BeNullOrEmpty
    }

    It 'shows the Cmdlets view' {
        $text = Get-TaobaoApi *vegas.tlj* | Format-Table -View Cmdlets | Out-String -Width 80
        $text | Should -Match 'HasCmdlet'
        $text | Should -Match 'Stop-TbkGiftMoney'
    }
}
