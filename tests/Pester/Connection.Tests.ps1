#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
}

Describe 'Connecting and calling any API' {
    BeforeAll {
        Connect-TaobaoTop -Emulator
    }

    It 'shows the connection without its secrets' {
        $context = Get-TaobaoTopContext
        $context.IsEmulator | Should -BeTrue
        $context.HasSession | Should -BeTrue
        ($context | Format-List * | Out-String) | Should -Not -Match 'taobaotop-emulator-secret'
    }

    It 'unwraps answers into objects' {
        $categories = Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0; fields = 'cid,name,is_parent' }
        $categories.item_cats.item_cat.Count | Should -BeGreaterThan 0
        $categories.request_id | Should -Not -BeNullOrEmpty
    }

    It 'turns error answers into errors carrying TOP codes' {
        { Invoke-TaobaoApi taobao.itemcats.get @{ fields = 'cid' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'TopApiError40:isv.missing-parameter:cids,TaobaoTop.Cmdlets.Api.InvokeTaobaoApiCommand'
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-TaobaoTopContext).Calls
        Invoke-TaobaoApi taobao.item.delete @{ num_iid = 1 } -WhatIf
        (Get-TaobaoTopContext).Calls | Should -Be $before
    }

    It 'waits out a short call ban and succeeds' {
        Connect-TaobaoTop -Emulator -EmulatorOption @{ QpsLimit = 1 } -Qps 0
        $answers = 1..2 | ForEach-Object { Invoke-TaobaoApi taobao.itemcats.get @{ parent_cid = 0 } }
        $answers.Count | Should -Be 2
        (Get-TaobaoTopContext).Retries | Should -BeGreaterOrEqual 1
    }

    AfterAll {
        Disconnect-TaobaoTop
    }
}
